#!/bin/sh
# deps.sh PKG... - make sure the Debian packages are installed.
# As root: installs what is missing with apt-get. Otherwise: prints the exact
# apt-get line to run and fails.
missing=""
for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
    echo "Installing missing packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq $missing >/dev/null || {
        echo "apt-get install failed for:$missing" >&2
        exit 1
    }
else
    echo "Missing packages:$missing" >&2
    echo "Run:  sudo apt-get install -y$missing" >&2
    exit 1
fi
