/** Programs run in a forked JVM with Apache Spark and Delta Lake, and the launcher tests use to start them. */
package io.junctionsql.sparkfixture;
