/** Delta tables read directly through Delta Kernel: snapshots, partition pruning and file skipping, no Spark. */
package io.junctionsql.planner.source.delta;
