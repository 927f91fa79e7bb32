#!/usr/bin/env bash
# Installs the database servers the tests start for themselves
# (internal/testdb): Debian's PostgreSQL server binaries and MariaDB; and
# Debian's pre-commit, which the integration tests run on the hooks.
# Idempotent: installs only what is missing. The packages' own services are
# not used; each test binary runs a throwaway server on a temporary
# directory and stops it.
set -euo pipefail

need=()
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null; then
	need+=(postgresql)
fi
if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
	need+=(mariadb-server)
fi
if ! command -v pre-commit >/dev/null; then
	need+=(pre-commit)
fi
if [ ${#need[@]} -eq 0 ]; then
	echo "install-services: PostgreSQL and MariaDB server binaries and pre-commit present"
	exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	sudo="sudo"
fi
echo "install-services: installing ${need[*]}"
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Package scripts may try to start the services; the tests do not need
# them, and a refusal to start them (as in containers) is not an error.
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# Stop any server the package started, so it holds no port or memory.
if command -v service >/dev/null; then
	$sudo service mariadb stop >/dev/null 2>&1 || true
	$sudo service postgresql stop >/dev/null 2>&1 || true
fi
echo "install-services: done in $(($(date +%s) - start))s"
