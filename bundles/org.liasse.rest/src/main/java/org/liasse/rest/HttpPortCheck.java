package org.liasse.rest;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when the HTTP port could not be opened. Pax Web then logs one error and registers no HTTP runtime,
 * and without this check the server would keep running with no listener, looking alive to {@code bin/status}. Once
 * Karaf has installed its boot features, the HTTP runtime has {@code liasse.http.grace.seconds} (60 by default) to
 * appear; otherwise an ERROR line names the port, the framework is stopped and the JVM exits with status 1, so that
 * {@code bin/karaf server} (and the service manager running it) sees the failure.
 */
@Component(immediate = true, configurationPid = HttpPortCheck.PAX_WEB, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class HttpPortCheck {

    /** The Pax Web settings ({@code etc/org.ops4j.pax.web.cfg}), read here for the port only. */
    static final String PAX_WEB = "org.ops4j.pax.web";
    /** Exit status of a start that could not open its HTTP port. */
    static final int EXIT_STATUS = 1;
    private static final long STOP_TIMEOUT_MILLIS = 60_000;
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    private static final String HTTP_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
    private static final Logger LOG = LoggerFactory.getLogger(HttpPortCheck.class);

    /** The part of the Pax Web settings this check reads. */
    public @interface Config {

        /** The HTTP port Pax Web opens (Pax Web's own default when absent). */
        int org_osgi_service_http_port() default 8080;

        /** Time the HTTP runtime has to appear once the boot features are installed; it is normally there before. */
        long liasse_http_grace_seconds() default 60;
    }

    private final Thread watch;

    /** Starts watching for the HTTP runtime in the background. */
    @Activate
    public HttpPortCheck(BundleContext context, Config config) throws InvalidSyntaxException {
        ServiceTracker<Object, Object> boot = tracker(context, BOOT_FINISHED);
        ServiceTracker<Object, Object> http = tracker(context, HTTP_RUNTIME);
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        int port = config.org_osgi_service_http_port();
        long grace = TimeUnit.SECONDS.toMillis(Math.max(1, config.liasse_http_grace_seconds()));
        watch = new Thread(() -> {
            try {
                boot.waitForService(0);
                if (http.waitForService(grace) == null) {
                    LOG.error("Le serveur HTTP n'a pas pu ouvrir le port {} (déjà occupé par un autre programme ou "
                        + "refusé) : arrêt du serveur. Libérez le port ou changez LIASSE_HTTP_PORT, puis redémarrez.",
                        port);
                    exit(system);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                boot.close();
                http.close();
            }
        }, "liasse-http-port-check");
        watch.setDaemon(true);
        watch.start();
    }

    /** Stops watching (the framework stops, or the Pax Web settings changed and a new check starts). */
    @Deactivate
    void deactivate() {
        watch.interrupt();
    }

    private static ServiceTracker<Object, Object> tracker(BundleContext context, String objectClass)
        throws InvalidSyntaxException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
            context.createFilter("(" + Constants.OBJECTCLASS + "=" + objectClass + ")"), null);
        tracker.open(true);
        return tracker;
    }

    /**
     * Exits the JVM with {@link #EXIT_STATUS}, stopping the framework first from a shutdown hook. Karaf's launcher has
     * no exit status to set from a bundle and exits with 0 once the framework stops; a hook keeps the stop clean while
     * the status given here is the one the JVM ends with (the launcher's own exit waits behind it).
     */
    private static void exit(Bundle system) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                system.stop();
                if (system instanceof Framework framework) {
                    framework.waitForStop(STOP_TIMEOUT_MILLIS);
                }
            } catch (BundleException e) {
                LOG.error("Arrêt du serveur impossible", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "liasse-http-port-stop"));
        System.exit(EXIT_STATUS);
    }
}
