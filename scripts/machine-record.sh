# Sourced by the bench scripts: ltpsim_machine_record prints the lines every raw result's .env.txt starts with
# (date, CPU, vector width, JDK, load), so that a figure names the machine it came from. Needs JAVA_HOME set.
ltpsim_machine_record() {
  echo "date: $(date -u)"
  echo "cpu: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "vector: $(grep -q -m1 avx512f /proc/cpuinfo && echo 'AVX-512 (8 double lanes)' || echo 'no AVX-512 (AVX2: 4 double lanes)')"
  echo "jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "load before: $(cat /proc/loadavg)"
}
