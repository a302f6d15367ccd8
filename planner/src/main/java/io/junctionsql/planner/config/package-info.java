/** The YAML model of a gateway: sources, secret references, validated with messages that name the key path. */
package io.junctionsql.planner.config;
