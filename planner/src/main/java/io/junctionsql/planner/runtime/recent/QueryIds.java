package io.junctionsql.planner.runtime.recent;

import java.util.concurrent.ThreadLocalRandom;

/** Short ids for queries: 16 hex digits, random, so that two servers' ids do not collide in one log store. */
public final class QueryIds {
  private QueryIds() {
  }

  public static String next() {
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }
}
