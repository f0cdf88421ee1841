#!/usr/bin/env bash
# The Spark test: installs pyspark (pinned) in a virtual environment, builds psephos and runs a
# local Spark job (local[2]) that pipes a corpus through `psephos stream`, merges the shards
# with `psephos merge` and compares the result with `psephos analyse --format json`, byte for
# byte. Exits non-zero on any difference. Needs Java 17 (or 8/11) and Python 3.8+.
#
#   bash Tests/Spark/run.sh            # from the repository root
#   PSEPHOS_SPARK_VENV=/path bash Tests/Spark/run.sh   # reuse a virtual environment
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi

pyspark_version="3.5.5"  # supports Java 8, 11 and 17
venv="${PSEPHOS_SPARK_VENV:-$root/.build/spark-venv}"

if ! command -v java >/dev/null 2>&1; then
  echo "spark: error: java not found (Spark $pyspark_version needs Java 8, 11 or 17)" >&2
  exit 1
fi
java -version 2>&1 | head -1 | sed 's/^/spark: /'

if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null; then
  echo "spark: installing pyspark==$pyspark_version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark==$pyspark_version"
fi

echo "spark: building psephos"
swift build --product psephos >/dev/null
binary="$(swift build --show-bin-path)/psephos"

"$venv/bin/python" Tests/Spark/spark_stream_test.py \
  --psephos "$binary" --results "$root/Corpus/results" --articles "$root/Corpus/articles" "$@"
