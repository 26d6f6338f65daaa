package org.opensourceecology.incubator.bench;

import jakarta.servlet.Filter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jersey.JerseyAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.w3c.dom.Element;

/**
 * The peer for journey steps: a plain Camunda 7.24 engine with Camunda's own REST API and HTTP Basic
 * filter, and no application code at all (the benchmark's classpath holds the dependencies and the test
 * classes, not the application). Same engine settings as the application (history FULL, authorization
 * on, task permission TASK_WORK, history time to live enforced), its own database on the same
 * PostgreSQL, Tomcat and Hikari defaults.
 *
 * <p>It deploys the application's {@code distributive-enterprise-journey} and {@code immersion-training}
 * diagrams and forms, stripped of application code:
 *
 * <ul>
 *   <li>every {@code camunda:delegateExpression} (the application's delegates) becomes the no-op
 *       expression {@code ${true}};
 *   <li>every task and execution listener is removed (the application's {@code lookUpTraineeName},
 *       {@code showApplication}, {@code showMilestone}, {@code notifyTaskAssignee},
 *       {@code letAssigneeReadTraining}, {@code checkReviewDecision}, {@code checkSignOffDecision});
 *   <li>the timer durations and the sign-off task's due date {@code ${trainingTimers.mentorReminder()}}
 *       and {@code ${trainingTimers.adminEscalation()}} (a bean) become the application's defaults P3D and
 *       P7D;
 *   <li>the journey's call of {@code immersion-training} also passes all variables
 *       ({@code <camunda:in variables="all"/>}), so that the variables the removed delegates would have
 *       set (mentorId, milestoneCount, milestoneTitle, due dates, the overrun duration...) reach the
 *       expressions that need them; the peer passes them when it starts a journey.
 * </ul>
 */
// Deliberately not @SpringBootConfiguration (a @Component): this package lies under the application's,
// so the application's component scan would pick the peer's REST authentication filter up in every
// integration test. Registered as the primary source, its @Bean method and imports work all the same.
@ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    ServletWebServerFactoryAutoConfiguration.class,
    JerseyAutoConfiguration.class,
    CamundaBpmAutoConfiguration.class,
    CamundaBpmRestJerseyAutoConfiguration.class
})
class PlainCamunda {

    static final String ADMIN_PASSWORD = "bench-admin";

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    /** Camunda's documented HTTP Basic authentication of its REST API. */
    @Bean
    FilterRegistrationBean<Filter> processEngineAuthenticationFilter() {
        var registration = new FilterRegistrationBean<Filter>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /**
     * The peer as its own process, so that it runs with the same JVM options as the application and
     * shares no heap, garbage collector or JIT with the driver: {@code PlainCamunda <jdbc-url> <port>
     * <journeys> <warm-up journeys> <mentors> <threads> <open tasks> <result file>} (the database user
     * and password from BENCH_DB_USER and BENCH_DB_PASSWORD; the processes and forms from the working
     * directory). It starts the engine, deploys, seeds the journeys to measure and those to warm up on,
     * copies instances up to the open tasks, writes the result file (a properties file, renamed into
     * place when complete) and serves until it is stopped.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            throw new IllegalArgumentException("usage: PlainCamunda <jdbc-url> <port> <journeys> <warm-up journeys>"
                    + " <mentors> <threads> <open tasks> <result file>");
        }
        String jdbcUrl = args[0];
        int port = Integer.parseInt(args[1]);
        int journeys = Integer.parseInt(args[2]);
        int warm = Integer.parseInt(args[3]);
        int mentors = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        int openTasks = Integer.parseInt(args[6]);
        Path result = Path.of(args[7]);
        String user = BenchmarkMain.USER;
        String password = BenchmarkMain.env("BENCH_DB_PASSWORD", "");

        long t0 = System.nanoTime();
        var context = start(jdbcUrl, user, password, port);
        double started = (System.nanoTime() - t0) / 1e9;
        var engine = context.getBean(ProcessEngine.class);
        deploy(engine, Path.of("processes"), Path.of("forms"));
        var properties = new Properties();
        try (var db = DriverManager.getConnection(jdbcUrl, user, password)) {
            Journeys.createUsers(db, "admin", journeys + warm, mentors);
            t0 = System.nanoTime();
            var roots = seed(engine, 1, journeys, mentors, threads);
            var warmRoots = seed(engine, journeys + 1, journeys + warm, mentors, threads);
            double seeded = (System.nanoTime() - t0) / 1e9;
            new InstanceCloner(db).copy((int) Math.max(0, openTasks - Journeys.openTasks(db)), 1);
            Journeys.createCloneUsers(db, "admin");
            properties.setProperty("startSeconds", String.valueOf(started));
            properties.setProperty("realJourneysSeconds", String.valueOf(seeded));
            properties.setProperty("openTasks", String.valueOf(Journeys.openTasks(db)));
            properties.setProperty("roots", String.join(",", roots));
            properties.setProperty("warmRoots", String.join(",", warmRoots));
        }
        Path partial = result.resolveSibling(result.getFileName() + ".partial");
        try (var writer = Files.newBufferedWriter(partial)) {
            properties.store(writer, "plain Camunda peer, ready");
        }
        Files.move(partial, result, StandardCopyOption.ATOMIC_MOVE);
        // serves until the driver stops the process (Spring closes the context in its shutdown hook)
    }

    static ConfigurableApplicationContext start(String jdbcUrl, String user, String password, int port) {
        return new SpringApplicationBuilder(PlainCamunda.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--server.port=" + port,
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--logging.level.root=WARN",
                        "--camunda.bpm.process-engine-name=default",
                        "--camunda.bpm.history-level=full",
                        "--camunda.bpm.authorization.enabled=true",
                        "--camunda.bpm.database.schema-update=true",
                        "--camunda.bpm.auto-deployment-enabled=false",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.admin-user.id=admin",
                        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                        "--camunda.bpm.generic-properties.properties.enforceHistoryTimeToLive=true",
                        "--camunda.bpm.generic-properties.properties.historyCleanupStrategy=removalTimeBased",
                        "--camunda.bpm.generic-properties.properties.defaultUserPermissionNameForTask=TASK_WORK");
    }

    /** Deploys the stripped journey and immersion-training diagrams and the forms from the working copy. */
    static void deploy(ProcessEngine engine, Path processes, Path forms) throws Exception {
        var deployment = engine.getRepositoryService().createDeployment().name("plain-camunda-bench");
        for (String name : List.of("distributive-enterprise-journey.bpmn", "immersion-training.bpmn")) {
            deployment.addString(name, strip(processes.resolve(name)));
        }
        try (Stream<Path> files = Files.list(forms)) {
            for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        deployment.deploy();
    }

    /** A duration from the application's trainingTimers bean: its default; anything else as it is. */
    private static String withoutTimerBean(String expression) {
        if (expression.contains("trainingTimers.mentorReminder()")) {
            return "P3D";
        } else if (expression.contains("trainingTimers.adminEscalation()")) {
            return "P7D";
        } else if (expression.contains("trainingTimers")) {
            throw new IllegalStateException("unknown timer bean call " + expression);
        }
        return expression;
    }

    static String strip(Path bpmn) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(bpmn.toFile());
        var all = document.getElementsByTagNameNS("*", "*");
        var listeners = new ArrayList<Element>();
        for (int i = 0; i < all.getLength(); i++) {
            var element = (Element) all.item(i);
            if (element.hasAttributeNS(CAMUNDA_NS, "delegateExpression")) {
                element.removeAttributeNS(CAMUNDA_NS, "delegateExpression");
                element.setAttributeNS(CAMUNDA_NS, "camunda:expression", "${true}");
            }
            if (CAMUNDA_NS.equals(element.getNamespaceURI())
                    && (element.getLocalName().equals("taskListener")
                            || element.getLocalName().equals("executionListener"))) {
                listeners.add(element);
            }
            if ("timeDuration".equals(element.getLocalName())) {
                element.setTextContent(withoutTimerBean(element.getTextContent()));
            }
            if (element.hasAttributeNS(CAMUNDA_NS, "dueDate")) {
                element.setAttributeNS(
                        CAMUNDA_NS, "camunda:dueDate", withoutTimerBean(element.getAttributeNS(CAMUNDA_NS, "dueDate")));
            }
            if ("callActivity".equals(element.getLocalName())
                    && "call_immersion_training".equals(element.getAttribute("id"))) {
                var extensions = element.getElementsByTagNameNS("*", "extensionElements");
                var in = document.createElementNS(CAMUNDA_NS, "camunda:in");
                in.setAttribute("variables", "all");
                ((Element) extensions.item(0)).appendChild(in);
            }
        }
        for (var listener : listeners) {
            listener.getParentNode().removeChild(listener);
        }
        var out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Trainees {@code from..to} start a journey in the engine directly (business key
     * {@code application-<n>}, as the application's register delegate sets it) with the variables the
     * stripped delegates would have set; a mentor accepts each. @return the journeys' ids
     */
    static List<String> seed(ProcessEngine engine, int from, int to, int mentors, int threads) throws Exception {
        var trainees = new ArrayList<Integer>();
        for (int n = from; n <= to; n++) {
            trainees.add(n);
        }
        var roots = new java.util.concurrent.ConcurrentHashMap<Integer, String>();
        var run = Clients.drive(trainees, threads, 0, n -> {
            var identity = engine.getIdentityService();
            String mentor = Journeys.mentor((n - from) % mentors + 1);
            try {
                identity.setAuthentication(Journeys.trainee(n), List.of("camunda-admin"));
                Date due = Date.from(Instant.now().plus(7, ChronoUnit.DAYS));
                var variables = Variables.createVariables()
                        .putValue("enterpriseSlug", "ceb-press")
                        .putValue("motivation", "I want to build presses in my town.")
                        .putValue("priorSkills", "Welding")
                        .putValue("city", "Bench town " + n)
                        .putValue("country", "Benchland")
                        .putValue("applicationId", (long) n)
                        .putValue("mentorId", mentor)
                        .putValue("traineeName", "Bench trainee " + n)
                        .putValue("cohortId", 1L)
                        .putValue("milestoneCount", 4)
                        .putValue("milestoneTitle", "Safety and shop orientation")
                        .putValue("milestoneDueDate", due)
                        .putValue("milestoneExpectedDuration", "P7D");
                var journey = engine.getRuntimeService()
                        .startProcessInstanceByKey(Journeys.JOURNEY, "application-" + n, variables);
                roots.put(n, journey.getId());
                var review = engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceBusinessKey("application-" + n)
                        .taskDefinitionKey(Journeys.REVIEW)
                        .singleResult();
                identity.setAuthentication(mentor, List.of("camunda-admin"));
                engine.getTaskService()
                        .complete(review.getId(), Map.of("reviewDecision", "accept", "mentorOverride", mentor));
                return true;
            } finally {
                identity.clearAuthentication();
            }
        });
        if (run.failures() > 0) {
            throw new IllegalStateException(run.failures() + " plain-engine journeys failed: " + run.firstError());
        }
        var ordered = new ArrayList<String>();
        for (int n = from; n <= to; n++) {
            ordered.add(roots.get(n));
        }
        return ordered;
    }
}
