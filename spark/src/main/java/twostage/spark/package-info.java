/**
 * Twostage sweeps on Apache Spark: {@link twostage.spark.SparkSweep} runs a list of
 * {@link twostage.experiments.GmmPoint}s one per task and {@link twostage.spark.SparkSweepMain} is the
 * spark-submit entry point. Spark is a provided dependency of this module only; nothing else needs it.
 */
package twostage.spark;
