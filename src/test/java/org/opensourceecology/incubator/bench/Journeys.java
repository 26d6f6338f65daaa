package org.opensourceecology.incubator.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * Drives immersion training through a Camunda REST API ({@code /engine-rest}) as the people who do the
 * work, with HTTP Basic: trainees start journeys with the start form and complete milestones, mentors
 * accept applications. On the application every call runs the application's security, listeners and
 * delegates; on the plain engine the same calls run the stripped BPMN ({@link PlainCamunda}).
 */
final class Journeys {

    static final String JOURNEY = "distributive-enterprise-journey";
    static final String REVIEW = "user_review_application";
    static final String COMPLETE_MILESTONE = "user_complete_milestone";
    static final String SIGN_OFF = "user_sign_off_milestone";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    record Task(String id, String assignee, String root) {}

    private final String base;
    private final Connection db;
    private final String password;

    /**
     * @param base the server, e.g. {@code http://127.0.0.1:8080}
     * @param db its database, for the driver's bookkeeping (which task belongs to which journey)
     * @param password the password every bench user has
     */
    Journeys(String base, Connection db, String password) {
        this.base = base;
        this.db = db;
        this.password = password;
    }

    static String trainee(int n) {
        return "bench-trainee-" + n;
    }

    static String mentor(int n) {
        return "bench-mentor-" + n;
    }

    /**
     * Creates trainees 1..trainees and mentors 1..mentors in Camunda's identity tables, in SQL, with the
     * password hash and salt of an existing user (so they all share that user's password), members of
     * {@code trainees} and {@code mentors} when those groups exist.
     */
    static void createUsers(Connection db, String passwordOf, int trainees, int mentors) throws SQLException {
        try (var s = db.createStatement()) {
            for (var people : List.of(
                    new Object[] {"trainee", trainees, "trainees"}, new Object[] {"mentor", mentors, "mentors"})) {
                String kind = (String) people[0];
                s.execute("insert into act_id_user (id_, rev_, first_, last_, email_, pwd_, salt_)"
                        + " select 'bench-" + kind + "-' || n, 1, 'Bench', '" + kind + " ' || n, 'bench-" + kind
                        + "-' || n || '@bench.localhost', u.pwd_, u.salt_ from generate_series(1, " + people[1]
                        + ") n cross join act_id_user u where u.id_ = '" + passwordOf + "'");
                s.execute("insert into act_id_membership (user_id_, group_id_) select 'bench-" + kind + "-' || n, g.id_"
                        + " from generate_series(1, " + people[1] + ") n cross join act_id_group g where g.id_ = '"
                        + people[2] + "'");
            }
        }
    }

    /** Users (same password) for the people of the copies made by {@link InstanceCloner}. */
    static int createCloneUsers(Connection db, String passwordOf) throws SQLException {
        try (var s = db.createStatement()) {
            int created = s.executeUpdate("insert into act_id_user (id_, rev_, first_, last_, email_, pwd_, salt_)"
                    + " select p.id, 1, 'Bench', p.id, p.id || '@bench.localhost', u.pwd_, u.salt_"
                    + " from (select assignee_ as id from act_ru_task union select text_ from act_ru_variable"
                    + " where name_ in ('traineeId', 'mentorId')) p"
                    + " cross join act_id_user u where u.id_ = '" + passwordOf
                    + "' and p.id ~ '^bench-(trainee|mentor)-'"
                    + " and not exists (select 1 from act_id_user x where x.id_ = p.id)");
            s.execute("insert into act_id_membership (user_id_, group_id_) select x.id_, g.id_ from act_id_user x"
                    + " join act_id_group g on g.id_ = case when x.id_ like 'bench-trainee-%' then 'trainees' else 'mentors' end"
                    + " where x.id_ ~ '^bench-(trainee|mentor)-' and not exists"
                    + " (select 1 from act_id_membership m where m.user_id_ = x.id_)");
            s.execute("analyze act_id_user");
            s.execute("analyze act_id_membership");
            return created;
        }
    }

    /**
     * Trainees {@code from..to} each apply for immersion training in {@code enterprise} with the journey's
     * start form. @return the journeys' process instance ids, in trainee order
     */
    List<String> apply(int from, int to, String enterprise, int threads) throws Exception {
        var trainees = new ArrayList<Integer>();
        for (int n = from; n <= to; n++) {
            trainees.add(n);
        }
        var roots = Collections.synchronizedMap(new LinkedHashMap<Integer, String>());
        var run = Clients.drive(trainees, threads, 0, n -> {
            var response = Clients.postJson(
                    base + "/engine-rest/process-definition/key/" + JOURNEY + "/submit-form",
                    Clients.basic(trainee(n), password),
                    "{\"variables\": {\"enterpriseSlug\": {\"value\": \"" + enterprise + "\"},"
                            + " \"motivation\": {\"value\": \"I want to build presses in my town.\"},"
                            + " \"priorSkills\": {\"value\": \"Welding\"}, \"city\": {\"value\": \"Bench town "
                            + n + "\"}, \"country\": {\"value\": \"Benchland\"}}}");
            Clients.check(response, 200, "start of the journey of " + trainee(n));
            var id = ID.matcher(response.body());
            if (!id.find()) {
                throw new IllegalStateException("no id in " + response.body());
            }
            roots.put(n, id.group(1));
            return true;
        });
        failOn(run, "applications");
        var ordered = new ArrayList<String>();
        for (int n = from; n <= to; n++) {
            ordered.add(roots.get(n));
        }
        return ordered;
    }

    /** A mentor accepts each journey's application, naming a mentor (round robin over 1..mentors). */
    void accept(List<String> roots, int mentors, int threads) throws Exception {
        var tasks = tasks(roots, REVIEW);
        var run = Clients.drive(tasks, threads, 0, task -> {
            int index = roots.indexOf(task.root());
            String mentor = mentor(index % mentors + 1);
            var response = Clients.postJson(
                    base + "/engine-rest/task/" + task.id() + "/submit-form",
                    Clients.basic(mentor, password),
                    "{\"variables\": {\"reviewDecision\": {\"value\": \"accept\"}, \"mentorOverride\": {\"value\": \""
                            + mentor + "\"}}}");
            Clients.check(response, 204, "review of " + task.id());
            return true;
        });
        failOn(run, "reviews");
    }

    /**
     * Journey steps: each trainee completes their open milestone with the form's fields; the engine then
     * records the submission and creates the mentor's sign-off task (with its reminder timers).
     */
    Clients.Run completeMilestones(List<String> roots, int threads, int warmUp) throws Exception {
        var tasks = tasks(roots, COMPLETE_MILESTONE);
        return Clients.drive(tasks, threads, warmUp, task -> {
            var response = Clients.postJson(
                    base + "/engine-rest/task/" + task.id() + "/submit-form",
                    Clients.basic(task.assignee(), password),
                    "{\"variables\": {\"evidenceUrls\": {\"value\": \"https://wiki.opensourceecology.org/wiki/Bench_"
                            + task.id() + "\", \"type\": \"String\"}, \"notes\": {\"value\": \"Built and tested.\","
                            + " \"type\": \"String\"}, \"hoursSpent\": {\"value\": 12, \"type\": \"Integer\"}}}");
            Clients.check(response, 204, "completion of " + task.id());
            return true;
        });
    }

    /**
     * Mentors' steps: each mentor returns the submitted milestone with a comment, so that the trainee
     * gets the milestone back (a new task).
     */
    Clients.Run returnMilestones(List<String> roots, int threads) throws Exception {
        var tasks = tasks(roots, SIGN_OFF);
        return Clients.drive(tasks, threads, 0, task -> {
            var response = Clients.postJson(
                    base + "/engine-rest/task/" + task.id() + "/submit-form",
                    Clients.basic(task.assignee(), password),
                    "{\"variables\": {\"signOffDecision\": {\"value\": \"return\", \"type\": \"String\"},"
                            + " \"mentorComment\": {\"value\": \"Please add the test photos.\", \"type\": \"String\"}}}");
            Clients.check(response, 204, "return of " + task.id());
            return true;
        });
    }

    /** The JIT counts as done when its compiler threads used less than this share of one CPU in a round. */
    static final double QUIET_JIT = 0.1;

    /** How a warm-up ended: the rounds added while the JIT was busy, and its share of a CPU in the last. */
    record WarmUp(int returns, int moreRounds, double lastCompilerShare) {

        int steps(int journeys) {
            return journeys * (1 + 2 * (returns + moreRounds));
        }

        @Override
        public String toString() {
            return Double.isNaN(lastCompilerShare)
                    ? "no more rounds"
                    : "+" + moreRounds + " rounds, JIT " + Math.round(lastCompilerShare * 100)
                            + "% of a CPU in the last";
        }
    }

    /** Something to wait for, e.g. until an engine has sent the mail of its steps. */
    @FunctionalInterface
    interface Wait {
        void run() throws Exception;
    }

    /**
     * The measured journey steps on these journeys, in rounds that may alternate with another engine's, so
     * that a slow spell of a shared machine falls on both: in the first round each trainee completes their
     * milestone (the first {@code warmUp} completions are not counted), in each next one the mentor returns
     * it (a step too: the mentor's task is completed, the trainee's next one is created) and the trainee
     * completes it again. The time between batches is not counted: finding the next tasks, and, after the
     * returns, waiting until the job executor has run the sign-off's asynchronous continuation that
     * creates them (in both engines: the plain one keeps the BPMN's async boundaries). The CPU of a
     * round is counted until its {@code quiet} wait is over (the mail of the steps sent, say). One
     * completion per journey, measured in one go, was 1 to 2 seconds of work at the full size: too short
     * to tell the application from the plain engine on a machine whose speed varies.
     */
    Steps steps(List<String> roots, int threads, int warmUp, Cpu cpu, Wait quiet) {
        return new Steps(roots, threads, warmUp, cpu, quiet);
    }

    /** CPU seconds an engine's process, and its request threads, have used so far. */
    record Cpu(DoubleSupplier process, DoubleSupplier requests) {}

    /** See {@link #steps}. */
    final class Steps {

        private final List<String> roots;
        private final int threads;
        private final int warmUp;
        private final Cpu cpu;
        private final Wait quiet;
        private final List<Clients.Run> runs = new ArrayList<>();
        private int steps;
        private double cpuSeconds;
        private double requestCpuSeconds;

        private Steps(List<String> roots, int threads, int warmUp, Cpu cpu, Wait quiet) {
            this.roots = roots;
            this.threads = threads;
            this.warmUp = warmUp;
            this.cpu = cpu;
            this.quiet = quiet;
        }

        /** The next round: the first completions, or a return and a completion of each journey. */
        void round() throws Exception {
            double cpu0 = cpu.process().getAsDouble();
            double requestCpu0 = cpu.requests().getAsDouble();
            if (runs.isEmpty()) {
                runs.add(completeMilestones(roots, threads, warmUp));
                steps += roots.size();
            } else {
                runs.add(returnMilestones(roots, threads));
                awaitTasks(roots, COMPLETE_MILESTONE);
                runs.add(completeMilestones(roots, threads, 0));
                steps += 2 * roots.size();
            }
            quiet.run();
            cpuSeconds += cpu.process().getAsDouble() - cpu0;
            requestCpuSeconds += cpu.requests().getAsDouble() - requestCpu0;
        }

        /** The counted steps of all rounds so far as one run. */
        Clients.Run run() {
            return Clients.Run.merge(runs);
        }

        /** The engine's CPU per step over all rounds so far (the uncounted warm-up steps included). */
        double cpuMsPerStep() {
            return cpuSeconds * 1000 / steps;
        }

        /** Its request threads' CPU per step. */
        double requestCpuMsPerStep() {
            return requestCpuSeconds * 1000 / steps;
        }
    }

    /**
     * The JIT's warm-up before a measurement, the same for the application and the plain engine: these
     * journeys' trainees complete their milestone, then {@code returns} times their mentors
     * return it and the trainees complete it again; then more such rounds, at most
     * {@code moreRounds}, until the engine's JIT compilers used less than {@link #QUIET_JIT} of a
     * CPU in a round (a fixed warm-up had left the application's 1k measurement compiling in some runs:
     * 8 ms of CPU per step there against 5 ms at 100k). None of it is measured.
     *
     * @param moreRounds at most this many more rounds (a return and a completion of each journey) while the JIT
     *     is busy
     * @param compilerCpuSeconds CPU seconds the engine's JIT compiler threads have used so far
     */
    WarmUp warmUp(List<String> roots, int threads, int returns, int moreRounds, DoubleSupplier compilerCpuSeconds)
            throws Exception {
        failOn(completeMilestones(roots, threads, roots.size()), "warm-up completions");
        for (int round = 0; round < returns; round++) {
            returnAndComplete(roots, threads);
        }
        double share = Double.NaN;
        for (int more = 0; more < moreRounds; more++) {
            double cpu0 = compilerCpuSeconds.getAsDouble();
            long t0 = System.nanoTime();
            returnAndComplete(roots, threads);
            share = (compilerCpuSeconds.getAsDouble() - cpu0) / ((System.nanoTime() - t0) / 1e9);
            if (!(share >= QUIET_JIT)) {
                return new WarmUp(returns, more + 1, share);
            }
        }
        return new WarmUp(returns, moreRounds, share);
    }

    private void returnAndComplete(List<String> roots, int threads) throws Exception {
        failOn(returnMilestones(roots, threads), "warm-up returns");
        awaitTasks(roots, COMPLETE_MILESTONE);
        failOn(completeMilestones(roots, threads, roots.size()), "warm-up completions after a return");
    }

    /** Waits (at most a minute) until each of these journeys has its open task with this key. */
    private void awaitTasks(List<String> roots, String taskDefinitionKey) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                tasks(roots, taskDefinitionKey);
                return;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The open tasks with this definition key in these journeys (found in the database). */
    List<Task> tasks(List<String> roots, String taskDefinitionKey) throws SQLException {
        var tasks = new ArrayList<Task>();
        try (var ps = db.prepareStatement("select t.id_, t.assignee_, e.root_proc_inst_id_ from act_ru_task t"
                + " join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " where t.task_def_key_ = ? and e.root_proc_inst_id_ = any (?)")) {
            ps.setString(1, taskDefinitionKey);
            ps.setArray(2, db.createArrayOf("varchar", roots.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    tasks.add(new Task(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        if (tasks.size() != roots.size()) {
            throw new IllegalStateException(
                    "expected " + roots.size() + " open " + taskDefinitionKey + " tasks, found " + tasks.size());
        }
        return tasks;
    }

    static long openTasks(Connection db) throws SQLException {
        try (var s = db.createStatement();
                var rs = s.executeQuery("select count(*) from act_ru_task")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, String> filters(Connection db) throws SQLException {
        var filters = new LinkedHashMap<String, String>();
        try (var s = db.createStatement();
                var rs = s.executeQuery("select name_, id_ from act_ru_filter")) {
            while (rs.next()) {
                filters.put(rs.getString(1), rs.getString(2));
            }
        }
        return filters;
    }

    private static void failOn(Clients.Run run, String what) {
        if (run.failures() > 0) {
            throw new IllegalStateException(run.failures() + " " + what + " failed, first: " + run.firstError());
        }
    }
}
