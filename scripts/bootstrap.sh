# Shared by scripts/run and scripts/test: install missing Debian packages, configure and
# build in build/ (Release). Sourced, not executed. A second call skips what is done.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${MCUSIM_BUILD_DIR:-$ROOT/build}"
PACKAGES=(g++ cmake make pkg-config libsystemc-dev libboost-program-options-dev
          libyaml-cpp-dev libspdlog-dev libfmt-dev libgtest-dev libeigen3-dev libsqlite3-dev
          python3 python3-matplotlib python3-numpy chromium)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi

if [ ! -d "$ROOT/../shared/models" ]; then
  echo "error: ../shared (models, calibration) must sit beside the repository" >&2
  exit 2
fi

JOBS="${MCUSIM_JOBS:-$(nproc)}"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build "$BUILD" -j "$JOBS" >&2
