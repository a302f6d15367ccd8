/** Running queries: what each source received, error translation, secret scrubbing and the Calcite engine. */
package io.junctionsql.planner.runtime;
