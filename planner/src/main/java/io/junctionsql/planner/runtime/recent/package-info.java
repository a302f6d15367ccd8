/** What each recent statement of a connection did: its figures, for {@code junction.recent_queries} and the audit log. */
package io.junctionsql.planner.runtime.recent;
