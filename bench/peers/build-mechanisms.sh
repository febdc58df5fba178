#!/usr/bin/env bash
# Compiles bench/peers/mod/*.mod into a NEURON mechanism library, once per change of the .mod files:
#   bench/peers/build-mechanisms.sh [BUILD_DIR]      (default bench/peers/build)
# prints the path of the library (BUILD_DIR/x86_64/libnrnmech.so) on stdout.
#
# Debian's nrnivmodl 8.2.2-4 looks for its makefile in /usr/bin, but the package ships it in /usr/lib/nrn
# ("make: /usr/bin/nrnmech_makefile: No such file or directory"), and links against /usr/lib while
# libnrniv.so is in /usr/lib/nrn ("cannot find -lnrniv"): we run a copy of nrnivmodl with the makefile's path
# corrected and the library folder added to the link flags; and it builds only the mechanism library, not the
# 'special' executable (whose nrnmain.cpp needs InterViews headers Debian does not ship; Python does not need it). Needs the neuron-dev package (nrnivmodl, nocmodl, headers) and a C/C++ compiler.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-$here/build}
mkdir -p "$build"
build=$(cd "$build" && pwd)

command -v nrnivmodl >/dev/null || { echo "build-mechanisms: nrnivmodl not found (apt-get install neuron-dev)" >&2; exit 1; }
stamp=$( (cat "$here"/mod/*.mod; nrnivmodl --version 2>/dev/null || true) | sha256sum | cut -c1-16)

find_lib() {
  find "$build" -name 'libnrnmech.so' 2>/dev/null | sort | head -1
}

if [ -f "$build/stamp" ] && [ "$(cat "$build/stamp")" = "$stamp" ] && [ -n "$(find_lib)" ]; then
  find_lib
  exit 0
fi

nrnivmodl_bin=$(command -v nrnivmodl)
makefile=""
for candidate in "$(dirname "$nrnivmodl_bin")/nrnmech_makefile" /usr/lib/nrn/nrnmech_makefile \
                 $(dpkg -L neuron-dev 2>/dev/null | grep '/nrnmech_makefile$' || true); do
  if [ -f "$candidate" ]; then makefile=$candidate; break; fi
done
[ -n "$makefile" ] || { echo "build-mechanisms: nrnmech_makefile not found" >&2; exit 1; }

rm -rf "$build/x86_64" "$build"/*/ "$build/stamp"
patched="$build/nrnivmodl-patched"
sed -e "s|\"\${bindir}/nrnmech_makefile\"|\"$makefile\"|" -e 's|LinkCoreNEURON=\$LinkCoreNEURON" special \&\&|LinkCoreNEURON=$LinkCoreNEURON" mech_lib_shared \&\&|' \
  "$nrnivmodl_bin" >"$patched"
chmod +x "$patched"
# libnrniv.so is in /usr/lib/nrn on Debian, not in the /usr/lib the makefile links against
nrnlibdir=$(dirname "$(find /usr/lib /usr/lib64 /usr/local/lib -name libnrniv.so 2>/dev/null | head -1)" 2>/dev/null || echo /usr/lib)
if ! (cd "$build" && "$patched" -loadflags "-L$nrnlibdir -Wl,-rpath,$nrnlibdir" "$here/mod") >"$build/nrnivmodl.log" 2>&1; then
  cat "$build/nrnivmodl.log" >&2
  echo "build-mechanisms: nrnivmodl failed" >&2
  exit 1
fi
echo "$stamp" >"$build/stamp"
lib=$(find_lib)
[ -n "$lib" ] || { echo "build-mechanisms: no libnrnmech.so after nrnivmodl (see $build/nrnivmodl.log)" >&2; exit 1; }
echo "$lib"
