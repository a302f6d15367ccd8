package io.junctionsql.planner.runtime.memory;

/** A set of ints with open addressing: the group keys' hash codes an aggregate has seen, four bytes each. */
final class IntHashSet {
  /** What one entry costs at the table's fullest (half full) and emptiest (a quarter full): about 12 bytes. */
  static final long BYTES_PER_ENTRY = 12;

  private int[] slots = new int[64];
  private boolean hasZero;
  private int size;

  /** Adds {@code value}; false if it was there already. */
  boolean add(int value) {
    if (value == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (size * 2 >= slots.length) {
      grow();
    }
    if (!insert(slots, value)) {
      return false;
    }
    size++;
    return true;
  }

  private static boolean insert(int[] table, int value) {
    int mask = table.length - 1;
    int i = mix(value) & mask;
    while (table[i] != 0) {
      if (table[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = value;
    return true;
  }

  private void grow() {
    int[] bigger = new int[slots.length * 2];
    for (int v : slots) {
      if (v != 0) {
        insert(bigger, v);
      }
    }
    slots = bigger;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
