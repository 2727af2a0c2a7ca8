package se.tryggsamverkan.support;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For benchmarks only (issue 18): counts what the application and the engine send to the database through the one
 * DataSource, with datasource-proxy. A statement is one SQL statement (a batch of ten is ten), a round trip one
 * execution (a batch is one) or one commit. Import {@link Config} into the benchmark's context.
 */
public final class SqlCounter {

  /** The counts since the last {@link #reset()}. */
  public record Counts(long statements, long executions, long commits) {
    public long roundTrips() {
      return executions + commits;
    }
  }

  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static final AtomicLong EXECUTIONS = new AtomicLong();
  private static final AtomicLong COMMITS = new AtomicLong();
  private static final java.util.List<String> RECORDED = java.util.Collections.synchronizedList(
      new java.util.ArrayList<>());
  private static volatile boolean recording;
  private static final java.util.concurrent.ConcurrentHashMap<String, long[]> TIME_BY_STATEMENT =
      new java.util.concurrent.ConcurrentHashMap<>();

  private SqlCounter() {
  }

  public static void reset() {
    STATEMENTS.set(0);
    EXECUTIONS.set(0);
    COMMITS.set(0);
    TIME_BY_STATEMENT.clear();
  }

  /**
   * The statements (their first 90 characters) that took the most time since the last {@link #reset()}, as
   * "total ms, executions, statement" lines; commits are one line of their own.
   */
  public static java.util.List<String> slowest(int n) {
    return TIME_BY_STATEMENT.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(n)
        .map(e -> String.format("%9.1f ms %7d x  %s", e.getValue()[0] / 1e6, e.getValue()[1], e.getKey()))
        .toList();
  }

  private static void addTime(String statement, long nanos) {
    String shape = statement.replaceAll("\\s+", " ").trim();
    long[] sums = TIME_BY_STATEMENT.computeIfAbsent(shape.substring(0, Math.min(90, shape.length())),
        k -> new long[2]);
    synchronized (sums) {
      sums[0] += nanos;
      sums[1]++;
    }
  }

  /** From now on keeps the text of every statement, until {@link #recorded()} hands them over. */
  public static void record() {
    RECORDED.clear();
    recording = true;
  }

  /** The statements kept since {@link #record()}, and stops keeping them. */
  public static java.util.List<String> recorded() {
    recording = false;
    return java.util.List.copyOf(RECORDED);
  }

  public static Counts counts() {
    return new Counts(STATEMENTS.get(), EXECUTIONS.get(), COMMITS.get());
  }

  @TestConfiguration
  public static class Config {

    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof DataSource dataSource) || name.contains("counted")) {
            return bean;
          }
          return ProxyDataSourceBuilder.create("counted-" + name, dataSource)
              .listener(new QueryExecutionListener() {
                @Override
                public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo info,
                    java.util.List<net.ttddyy.dsproxy.QueryInfo> queries) {
                }

                @Override
                public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo info,
                    java.util.List<net.ttddyy.dsproxy.QueryInfo> queries) {
                  EXECUTIONS.incrementAndGet();
                  long statements = info.isBatch() ? Math.max(1, info.getBatchSize()) : queries.size();
                  STATEMENTS.addAndGet(statements);
                  if (recording) {
                    queries.forEach(q -> RECORDED.add(q.getQuery()));
                  }
                  if (!queries.isEmpty()) {
                    addTime(queries.get(0).getQuery(), info.getElapsedTime() * 1_000_000L);
                  }
                }
              })
              .methodListener(new MethodExecutionListener() {
                @Override
                public void beforeMethod(MethodExecutionContext context) {
                }

                @Override
                public void afterMethod(MethodExecutionContext context) {
                  Method method = context.getMethod();
                  if (context.getTarget() instanceof Connection && "commit".equals(method.getName())) {
                    COMMITS.incrementAndGet();
                    addTime("commit", context.getElapsedTime() * 1_000_000L);
                  }
                }
              })
              .build();
        }
      };
    }
  }
}
