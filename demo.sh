#!/usr/bin/env bash
# Builds Liasse and starts one partner distribution with fictional demo data.
#   ./demo.sh            ministry distribution (default)
#   ./demo.sh coop       another partner: ministry, oph, esh, coop or epl
#   ./demo.sh --fresh    forget the data of earlier demo runs first
set -euo pipefail
cd "$(dirname "$0")"

partner=ministry
fresh=false
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=true ;;
    ministry|oph|esh|coop|epl) partner="$arg" ;;
    *) echo "Usage : ./demo.sh [ministry|oph|esh|coop|epl] [--fresh]" >&2; exit 2 ;;
  esac
done

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
archive="distribution/$partner/target/$partner-$version.tar.gz"
echo "Construction de Liasse (tests sautés ; 'mvn -B -ntp install' les lance)…"
mvn -B -q -ntp install -DskipTests

home="run/$partner"
if [ "$fresh" = true ] || [ ! -d "$home" ]; then
  rm -rf "$home"
  mkdir -p "$home"
  tar -xzf "$archive" -C "$home" --strip-components=1
else
  # Keep the data folder (database, logs) of earlier runs, refresh everything else.
  tmp=$(mktemp -d)
  tar -xzf "$archive" -C "$tmp" --strip-components=1
  rm -rf "$tmp/data"
  cp -a "$tmp/." "$home/"
  rm -rf "$tmp"
fi

port="${LIASSE_HTTP_PORT:-8181}"
cat <<MSG

  Liasse — distribution « $partner » en mode démonstration (données fictives)
  Interface  : http://localhost:$port/
  API        : http://localhost:$port/api/v1/health   (OpenAPI : /api/v1/openapi.json)
  Connexion  : mot de passe de démonstration « Demo-Liasse-2025! » pour
                 operateur.demo   opérateur national (super-administrateur)
                 AD_000000018     administrateur de l'Office public de l'habitat du Val Fictif
                 saisie.demo      responsable de saisie du même organisme
  Démo       : campagne 2025 ouverte ; organisations fictives 000000018, 000000026, 000000034
  Journaux   : $home/data/log/karaf.log      Base Derby : $home/data/liasse/derby
  Arrêt      : Ctrl-D ou 'shutdown' dans la console Karaf

MSG
export LIASSE_DEMO=true LIASSE_HTTP_PORT="$port"
exec "$home/bin/karaf"
