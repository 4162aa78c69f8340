# Shared by scripts/run and scripts/test: system libraries and the virtual environment.
# Sourced, not executed.

# Debian libraries Qt needs (also offscreen), poppler for reading PDFs in tests,
# PostgreSQL for the team-mode tests, a font with umlauts and currency signs.
QT_DEBS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core"
TEST_DEBS="poppler-utils postgresql xvfb"

install_debs() {
    # Installs missing Debian packages when we are root on Debian; otherwise says what
    # to install and carries on (Qt may still work offscreen without some of them).
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing system packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Please install these system packages: ${missing[*]}" >&2
    fi
}

make_venv() {
    # $1: the pip extras to install, e.g. "" or "[test,postgres]"
    local python=${PYTHON:-python3}
    if [ ! -x .venv/bin/python ]; then
        "$python" -m venv .venv
        .venv/bin/python -m pip install -q --upgrade pip
    fi
    .venv/bin/python -m pip install -q -e ".$1"
}
