#!/usr/bin/env bash
# Installs NEURON from Debian's packages (bookworm: 8.2.2), for bench/peers:
#   neuron          the simulator (libnrniv, nrniv)
#   python3-neuron  `import neuron` for Debian's /usr/bin/python3
#   neuron-dev      nrnivmodl / nocmodl and headers: the model's synapses are .mod files (bench/peers/mod)
#   g++ make        what nrnivmodl compiles with
# Needs root (apt-get). Run by run-neuron-vs-ltpsim.sh when `python3 -c "import neuron"` or nrnivmodl fails.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "install-neuron: needs root for apt-get (or run: sudo $0)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends neuron python3-neuron neuron-dev g++ make
NEURON_MODULE_OPTIONS=-nogui /usr/bin/python3 -c "from neuron import h; print('NEURON', h.nrnversion(5))"
command -v nrnivmodl >/dev/null
