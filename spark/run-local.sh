#!/usr/bin/env bash
# Runs the Spark job (org.osceclassify.spark.ClassifyJob) on this machine in local[*] mode, with no Spark
# distribution installed: Spark's jars come from Maven Central through the module's Maven classpath. Builds the
# job jar on first use (or when the sources changed). Arguments are the job's:
#   spark/run-local.sh --model model.osce --input corpus.csv --output tagged/ [--format csv|parquet|jsonl] [--overwrite]
# OSCE_SPARK_MASTER overrides the master (default local[*]); OSCE_SPARK_JAVA_OPTS the JVM's heap and options
# (default -Xmx4g); the job's own progress and warnings go to stderr.
set -euo pipefail
module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$module")"
jar="$module/target/osce-classify-spark-job.jar"
classpath="$module/target/spark-classpath.txt"
if [[ ! -f "$jar" || ! -f "$classpath" ]] || [[ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main "$root/labels" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "osce-classify: building the Spark job jar and its classpath (mvn package), once..." >&2
  (cd "$root" && MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" mvn -q -B -Dstyle.color=never -pl spark -am \
      package dependency:build-classpath -DskipTests -Dmdep.includeScope=provided \
      -Dmdep.outputFile=target/spark-classpath.txt >&2)
  touch "$jar"
fi
# What Spark 4 needs of a Java 17 JVM (the options of its launcher's JavaModuleOptions), declared once in
# spark/pom.xml for the tests and read from there.
read -r -a module_opts <<< "$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$module/pom.xml")"
read -r -a opts <<< "${OSCE_SPARK_JAVA_OPTS:--Xmx4g}"
exec java "${opts[@]}" "${module_opts[@]}" \
    -Dspark.master="${OSCE_SPARK_MASTER:-local[*]}" -Dspark.ui.enabled=false \
    -Dlog4j2.configurationFile="$module/log4j2-local.properties" \
    -cp "$jar:$(cat "$classpath")" org.osceclassify.spark.ClassifyJob "$@"
