#!/usr/bin/env bash
# Inspecting and storing 20 files of 10 MB (PDFs and ZIPs) with -Xmx64m, beside a plain file copy of
# the same bytes in the same run; the ratio is the figure. Usage: bench/attachments.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="${1:-$PWD/target/bench-attachments}"

./mvnw -q -pl attachments -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-attachments.classpath"
CP="attachments/target/test-classes:attachments/target/classes:$(cat target/bench-attachments.classpath)"

java -Xmx64m -cp "$CP" org.supportintake.attachments.bench.AttachmentBenchmark "$WORK"
