package org.opensourceecology.incubator.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the database with open tasks fast: copies, in SQL, the rows of the real journeys that the
 * benchmark started through the application, as if the same journeys had been started many more times by
 * other people: Camunda's runtime tables (executions, tasks, variables, identity links, jobs, event
 * subscriptions, authorizations, byte arrays) and the training module's rows. Each copy ("clone group" g)
 * gets
 *
 * <ul>
 *   <li>new Camunda ids: in every time-based UUID the version digit becomes {@code b} (never produced by
 *       Camunda's generator, so a copy never collides with a real id) and the last five hex digits
 *       become g, in every column that holds an instance's ids; definition and deployment ids stay, so
 *       copies run the same deployed BPMN;
 *   <li>new people: {@code bench-trainee-n} becomes {@code bench-trainee-(n + g * STRIDE)}, likewise
 *       mentors, in assignees, variables, authorizations and the application rows (users for them are
 *       created separately);
 *   <li>new application ids (id + g * STRIDE) in {@code training_application}, {@code milestone_submission},
 *       the {@code applicationId} variable and the business key
 *       {@code application-<id>}.
 * </ul>
 *
 * <p>History is not copied: the {@code act_hi_*} tables hold the real journeys' history only (copying it
 * took most of the time: about 90 history rows per journey, each in tables of 10-15 indexes). Open-work
 * queries (task lists, completing a task, acquiring jobs) read the runtime tables; history is written by
 * inserts and by updates by primary key, whose cost grows only with the depth of the B-tree.
 *
 * <p>Templates are the benchmark's real journeys only (business key below {@link #STRIDE}), never copies.
 * The copies are complete runtime instances: the engine can continue them (the timer benchmark fires
 * their reminder timers), but the journey-step figures are measured on real instances only.
 */
final class InstanceCloner {

    /** Offset per clone group for application ids and user numbers; real ones stay below it. */
    static final long STRIDE = 1_000_000L;

    /** 2^32 divided by the golden ratio, odd: group g moves a copy's first id field by g times this, mod 2^32. */
    private static final long SPREAD = 2_654_435_761L;

    /** Columns that point at definitions or deployments: shared by every instance, never rewritten. */
    private static final Set<String> SHARED = Set.of(
            "proc_def_id_",
            "process_def_id_",
            "proc_def_key_",
            "process_def_key_",
            "deployment_id_",
            "job_def_id_",
            "dec_def_id_",
            "dec_req_id_",
            "case_def_id_",
            "case_def_key_",
            "tenant_id_",
            "act_id_",
            "task_def_key_",
            "activity_id_",
            "failed_act_id_",
            "group_id_",
            "type_",
            "name_",
            "var_type_",
            "handler_type_",
            "handler_cfg_",
            "event_type_",
            "event_name_",
            "act_type_",
            "act_name_",
            "state_",
            "task_state_",
            "hostname_",
            "job_def_type_",
            "job_def_configuration_",
            "operation_type_",
            "entity_type_",
            "property_",
            "category_");

    private static final Set<String> PEOPLE =
            Set.of("assignee_", "owner_", "user_id_", "start_user_id_", "assigner_id_", "org_value_", "new_value_");

    private static final Set<String> VARIABLE_TABLES = Set.of("act_ru_variable", "act_hi_varinst", "act_hi_detail");

    private static final String NUMBERED_VARIABLES = "('applicationId')";

    /** Each Camunda table with the join that finds a template's rows and its root process instance. */
    private static final Map<String, String> CAMUNDA = new LinkedHashMap<>();

    static {
        CAMUNDA.put("act_ru_execution", "join clone_procs r on t.proc_inst_id_ = r.proc");
        CAMUNDA.put("act_ru_task", "join clone_procs r on t.proc_inst_id_ = r.proc");
        CAMUNDA.put("act_ru_variable", "join clone_procs r on t.proc_inst_id_ = r.proc");
        CAMUNDA.put("act_ru_identitylink", "join clone_tasks r on t.task_id_ = r.task");
        CAMUNDA.put("act_ru_job", "join clone_procs r on t.process_instance_id_ = r.proc");
        CAMUNDA.put("act_ru_event_subscr", "join clone_procs r on t.proc_inst_id_ = r.proc");
        CAMUNDA.put("act_ru_incident", "join clone_procs r on t.proc_inst_id_ = r.proc");
        CAMUNDA.put("act_ru_authorization", "join clone_resources r on t.resource_id_ = r.resource");
        CAMUNDA.put("act_ge_bytearray", "join clone_roots r on t.root_proc_inst_id_ = r.root");
    }

    private final Connection connection;

    InstanceCloner(Connection connection) {
        this.connection = connection;
    }

    public static void main(String[] args) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(args[0], "postgres", "")) {
            long t0 = System.nanoTime();
            int group = Integer.parseInt(args[2]);
            new InstanceCloner(c).copy(Integer.parseInt(args[1]), group);
            System.out.printf("copied in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The real journeys (templates) whose root instance is still running. */
    int templates() throws SQLException {
        try (var s = connection.createStatement();
                var rs = s.executeQuery("select count(*) from act_ru_execution where id_ = proc_inst_id_"
                        + " and super_exec_ is null and business_key_ ~ '^application-[0-9]{1,6}$'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Adds {@code instances} copies of the templates as clone groups {@code firstGroup, firstGroup + 1, …}
     * (the last group copies only as many templates as needed). @return the next free group
     */
    int copy(int instances, int firstGroup) throws SQLException {
        int templates = templates();
        if (templates == 0 || instances <= 0) {
            return firstGroup;
        }
        int fullGroups = instances / templates;
        int remainder = instances % templates;
        int lastGroup = firstGroup + fullGroups + (remainder > 0 ? 1 : 0) - 1;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var s = connection.createStatement()) {
            s.execute("drop table if exists clone_roots, clone_pairs, clone_procs, clone_tasks, clone_resources");
            s.execute(
                    "create temp table clone_roots as select id_ as root,"
                            + " substring(business_key_ from 13)::bigint as application_id,"
                            + " row_number() over (order by id_) as rn from act_ru_execution"
                            + " where id_ = proc_inst_id_ and super_exec_ is null and business_key_ ~ '^application-[0-9]{1,6}$'");
            s.execute("create temp table clone_pairs as select r.root, r.application_id, g from clone_roots r"
                    + " cross join generate_series(" + firstGroup + ", " + lastGroup + ") g"
                    + " where g < " + lastGroup + " or " + (remainder == 0) + " or r.rn <= " + remainder);
            s.execute(
                    "create temp table clone_procs as select e.id_ as proc, e.root_proc_inst_id_ as root"
                            + " from act_ru_execution e join clone_roots r on e.root_proc_inst_id_ = r.root where e.id_ = e.proc_inst_id_");
            s.execute("create temp table clone_tasks as select t.id_ as task, p.root from act_ru_task t"
                    + " join clone_procs p on t.proc_inst_id_ = p.proc");
            s.execute("create temp table clone_resources as select task as resource, root from clone_tasks"
                    + " union all select proc, root from clone_procs");
            for (String table :
                    List.of("clone_roots", "clone_pairs", "clone_procs", "clone_tasks", "clone_resources")) {
                s.execute("analyze " + table);
            }
            // Building an index once is much faster than growing it row by row (a copy of 100k journeys
            // writes millions of variable rows into tables with a dozen indexes each): drop the indexes
            // that back no constraint and build them again after the copy, in the same transaction.
            var indexes = new ArrayList<String>();
            try (var ps = connection.prepareStatement("select indexname, indexdef from pg_indexes"
                    + " where schemaname = current_schema() and tablename = any (?) and indexname not in"
                    + " (select conname from pg_constraint)")) {
                ps.setArray(
                        1, connection.createArrayOf("varchar", CAMUNDA.keySet().toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        s.execute("drop index " + rs.getString(1));
                        indexes.add(rs.getString(2));
                    }
                }
            }
            for (var table : CAMUNDA.entrySet()) {
                long t0 = System.nanoTime();
                int rows = s.executeUpdate(cloneCamunda(table.getKey(), table.getValue()));
                if (System.getenv("BENCH_CLONE_DEBUG") != null) {
                    System.out.printf(
                            "  %s: %d rows in %.2f s%n", table.getKey(), rows, (System.nanoTime() - t0) / 1e9);
                }
            }
            s.execute("set local maintenance_work_mem = '256MB'");
            long t1 = System.nanoTime();
            for (String index : indexes) {
                s.execute(index);
            }
            if (System.getenv("BENCH_CLONE_DEBUG") != null) {
                System.out.printf("  %d indexes in %.2f s%n", indexes.size(), (System.nanoTime() - t1) / 1e9);
            }
            if (exists("training_application")) {
                s.execute(cloneDomain(
                        "training_application",
                        "join clone_pairs p on t.id = p.application_id",
                        Map.of(
                                "id", "t.id + p.g * " + STRIDE,
                                "trainee_id", person("t.trainee_id"),
                                "mentor_id", person("t.mentor_id"))));
                s.execute(cloneDomain(
                        "milestone_submission",
                        "join clone_pairs p on t.application_id = p.application_id",
                        Map.of(
                                "id", "t.id + p.g * " + STRIDE,
                                "application_id", "t.application_id + p.g * " + STRIDE,
                                "signed_off_by", person("t.signed_off_by"))));
                // real applications and submissions made later must not collide with the copies
                s.execute("select setval(pg_get_serial_sequence('training_application', 'id'),"
                        + " (select max(id) from training_application where id < " + STRIDE + "))");
                s.execute("select setval(pg_get_serial_sequence('milestone_submission', 'id'),"
                        + " greatest(1, (select max(id) from milestone_submission where id < " + STRIDE + ")))");
            }
            connection.commit();
            // Statistics for every table copied into, the application's too: without them the planner
            // guessed 13,561 of 270k submissions for one mentor's 40 applications and scanned them all
            // (the mentor's page at 146 ms p95). Autovacuum would analyze them some time later, or, on a
            // server where it is off, never.
            for (String table : CAMUNDA.keySet()) {
                s.execute("analyze " + table);
            }
            if (exists("training_application")) {
                s.execute("analyze training_application");
                s.execute("analyze milestone_submission");
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return lastGroup + 1;
    }

    private String cloneCamunda(String table, String join) throws SQLException {
        var columns = columns(table);
        var select = new ArrayList<String>();
        for (var column : columns.entrySet()) {
            String name = column.getKey();
            String type = column.getValue();
            String value = "t." + name;
            if (type.equals("character varying") || type.equals("text")) {
                if (name.equals("business_key_")) {
                    value = businessKey(value);
                } else if (name.equals("text_") && VARIABLE_TABLES.contains(table)) {
                    value = "case when t.name_ in " + NUMBERED_VARIABLES + " and t.text_ ~ '^[0-9]+$'"
                            + " then (t.text_::bigint + p.g * " + STRIDE + ")::text else " + person(value) + " end";
                } else if (PEOPLE.contains(name)) {
                    value = person(value);
                } else if (!SHARED.contains(name) && !name.equals("text2_")) {
                    value = uuid(value);
                }
            } else if (name.equals("long_") && VARIABLE_TABLES.contains(table)) {
                value = "case when t.name_ in " + NUMBERED_VARIABLES + " then t.long_ + p.g * " + STRIDE
                        + " else t.long_ end";
            }
            select.add(value);
        }
        return "insert into " + table + " (" + String.join(", ", columns.keySet()) + ") select "
                + String.join(", ", select) + " from " + table + " t " + join
                + " join clone_pairs p on p.root = r.root";
    }

    private String cloneDomain(String table, String join, Map<String, String> rewritten) throws SQLException {
        var columns = columns(table);
        var select = new ArrayList<String>();
        for (String name : columns.keySet()) {
            select.add(rewritten.getOrDefault(name, "t." + name));
        }
        return "insert into " + table + " (" + String.join(", ", columns.keySet()) + ") overriding system value select "
                + String.join(", ", select) + " from " + table + " t " + join;
    }

    /**
     * The copy's id: every id these columns hold ends with a time-based UUID (alone, or after an activity
     * id and a colon); plain string functions, because a regular expression per column and row made
     * copying 100k journeys take many minutes. The copy gets version nibble {@code b} and the group
     * number at the end, which keeps ids unique, and its first field (the clock's low 32 bits) moved by
     * the group times a large odd number: a copy's ids then spread over the whole range, as ids made
     * over months do, instead of sitting among its original's. With the original's first field, the
     * 1,960 review tasks of 100k held ids from a range the 20 real ones spanned in seconds, and the
     * planner merge-joined the candidate identity links with every task in id order (60 ms).
     */
    private static String uuid(String column) {
        String length = "length(" + column + ")";
        String timeLow = "substr(" + column + ", " + length + " - 35, 8)";
        return "case when " + length + " >= 36 and substr(" + column + ", " + length + " - 27, 1) = '-' and substr("
                + column + ", " + length + " - 22, 1) = '-' and substr(" + column + ", " + length
                + " - 17, 1) = '-' and substr(" + column + ", " + length + " - 12, 1) = '-' then left(" + column
                + ", " + length + " - 36) || lpad(to_hex((('x' || " + timeLow + ")::bit(32)::bigint + p.g * "
                + SPREAD + ") % 4294967296), 8, '0') || substr(" + column + ", " + length
                + " - 27, 6) || 'b' || substr("
                + column + ", " + length + " - 20, 16) || lpad(to_hex(p.g), 5, '0') else " + column + " end";
    }

    private static String person(String column) {
        return "case when " + column + " like 'bench-trainee-%' or " + column + " like 'bench-mentor-%' then"
                + " split_part(" + column + ", '-', 1) || '-' || split_part(" + column + ", '-', 2) || '-' ||"
                + " (split_part(" + column + ", '-', 3)::bigint + p.g * " + STRIDE + ") else " + column + " end";
    }

    private static String businessKey(String column) {
        return "case when " + column + " like 'application-%' then 'application-' || (substring(" + column
                + " from 13)::bigint + p.g * " + STRIDE + ") else " + column + " end";
    }

    private Map<String, String> columns(String table) throws SQLException {
        var columns = new LinkedHashMap<String, String>();
        try (var ps = connection.prepareStatement("select column_name, data_type from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table);
        }
        return columns;
    }

    private boolean exists(String table) throws SQLException {
        try (var ps = connection.prepareStatement("select count(*) from information_schema.tables"
                + " where table_schema = current_schema() and table_name = ?")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
