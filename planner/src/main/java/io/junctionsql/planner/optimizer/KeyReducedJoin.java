package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.explain.KeyedFragment;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.linq4j.function.Function0;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * A hash join between sources whose large side, a JDBC source or a Delta scan, receives the small side's
 * distinct join keys: Junction reads the small side first, then asks the large side's source only for rows
 * whose key is among them, a batch of keys per JDBC statement, all keys in one Delta scan ({@link KeyReduction}). The join itself is Calcite's hash
 * join over the two sides' rows.
 */
public final class KeyReducedJoin extends Join implements EnumerableRel, KeyedFragment {
  private static final Method OF = Types.lookupMethod(KeyReduction.class, "of", org.apache.calcite.linq4j.Enumerable.class,
      Function1.class, Function1.class, Function0.class, DataContext.class, int.class, int.class, boolean.class);

  private final int largeInput;
  private final int smallKey;
  private final EnumerableRel keyed;
  private final String largeSource;
  private final int maxKeys;
  private final int batchSize;

  /**
   * @param largeInput which input (0 left, 1 right) receives the keys
   * @param smallKey the join key's field in the small input
   * @param keyed the large input reading only the keys its context carries: a JDBC statement binding
   *     {@code batchSize} key parameters, or a Delta scan that takes them all
   */
  KeyReducedJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RexNode condition,
      JoinRelType joinType, int largeInput, int smallKey, EnumerableRel keyed, String largeSource,
      int maxKeys, int batchSize) {
    super(cluster, traits, List.of(), left, right, condition, Set.of(), joinType);
    this.largeInput = largeInput;
    this.smallKey = smallKey;
    this.keyed = keyed;
    this.largeSource = largeSource;
    this.maxKeys = maxKeys;
    this.batchSize = batchSize;
  }

  @Override public Join copy(RelTraitSet traitSet, RexNode conditionExpr, RelNode left, RelNode right,
      JoinRelType joinType, boolean semiJoinDone) {
    return new KeyReducedJoin(getCluster(), traitSet, left, right, conditionExpr, joinType, largeInput, smallKey,
        keyed, largeSource, maxKeys, batchSize);
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("semiJoinReduction", "keys of input " + (1 - largeInput) + " sent to " + largeSource
            + (keyed instanceof JdbcToEnumerableConverter ? ", " + batchSize + " per statement" : " in one scan")
            + ", read in full above " + maxKeys + " keys");
  }

  @Override public RelNode keyedInput() {
    return keyed;
  }

  @Override public int largeInput() {
    return largeInput;
  }

  @Override public String keyNote() {
    return keyed instanceof JdbcToEnumerableConverter
        ? "semi-join reduced: ? are the other side's distinct join keys, " + batchSize + " per statement"
        : "semi-join reduced: the Kernel predicate gains the range of the other side's distinct join keys, "
            + "and rows with other keys are dropped";
  }

  @Override public String fallbackNote() {
    return "read in full only if the other side has more than " + maxKeys + " distinct keys";
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    int smallInput = 1 - largeInput;
    Result small = implementor.visitChild(this, smallInput, (EnumerableRel) getInput(smallInput), pref);
    Result full = implementor.visitChild(this, largeInput, (EnumerableRel) getInput(largeInput), pref);
    Result keyedResult = keyed.implement(implementor, pref);

    Expression smallRows = builder.append("smallRows", small.block);
    ParameterExpression row = Expressions.parameter(Object.class, "row");
    // A one-column side may come as bare values of a primitive type, which an Object cannot be cast to directly.
    java.lang.reflect.Type javaRow = small.physType.getJavaRowType();
    java.lang.reflect.Type castTo = Primitive.is(javaRow) ? Primitive.box(javaRow) : javaRow;
    Expression keyValue = small.physType.fieldReference(Expressions.convert_(row, castTo), smallKey);
    if (Primitive.is(keyValue.getType())) {
      keyValue = Expressions.box(keyValue);
    }
    Expression key = Expressions.lambda(Function1.class, keyValue, row);
    ParameterExpression keyedRoot = Expressions.parameter(DataContext.class, "keyedRoot");
    BlockStatement keyedBlock = (BlockStatement) keyedResult.block.accept(new RootReplacer(keyedRoot));
    Expression keyedLambda = Expressions.lambda(Function1.class, keyedBlock, keyedRoot);
    Expression fullLambda = Expressions.lambda(Function0.class, full.block);
    Expression reduction = builder.append("reduction", Expressions.call(OF, smallRows, key, keyedLambda,
        fullLambda, DataContext.ROOT, Expressions.constant(maxKeys), Expressions.constant(batchSize),
        Expressions.constant(keyed instanceof JdbcToEnumerableConverter)));

    RelNode boundSmall = new BoundInput(getInput(smallInput), small.physType,
        Expressions.call(reduction, "small"));
    RelNode boundLarge = new BoundInput(getInput(largeInput), full.physType,
        Expressions.call(reduction, "large"));
    EnumerableHashJoin join = EnumerableHashJoin.create(largeInput == 1 ? boundSmall : boundLarge,
        largeInput == 1 ? boundLarge : boundSmall, condition, Set.of(), joinType);
    Result joined = join.implement(implementor, pref);
    builder.add(Expressions.return_(null, builder.append("joined", joined.block)));
    return implementor.result(joined.physType, builder.toBlock());
  }

  /** Points the keyed side's generated code at the context that answers the key parameters. */
  private static final class RootReplacer extends Shuttle {
    private final ParameterExpression replacement;

    RootReplacer(ParameterExpression replacement) {
      this.replacement = replacement;
    }

    @Override public Expression visit(ParameterExpression parameterExpression) {
      return parameterExpression == DataContext.ROOT ? replacement : parameterExpression;
    }
  }

  /** One side of the join as {@link KeyReduction} gives it: code already written, of the side's row type. */
  private static final class BoundInput extends AbstractRelNode implements EnumerableRel {
    private final RelDataType rowType;
    private final PhysType physType;
    private final Expression rows;

    BoundInput(RelNode side, PhysType physType, Expression rows) {
      super(side.getCluster(), side.getTraitSet());
      this.rowType = side.getRowType();
      this.physType = physType;
      this.rows = rows;
    }

    @Override protected RelDataType deriveRowType() {
      return rowType;
    }

    @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
      return implementor.result(physType, Blocks.toBlock(rows));
    }
  }
}
