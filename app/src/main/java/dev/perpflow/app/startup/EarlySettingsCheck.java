package dev.perpflow.app.startup;

import dev.perpflow.app.config.PerpflowSettings;
import dev.perpflow.app.config.PropertyReader;
import java.nio.file.Files;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Validates the {@code perpflow.*} settings before Camel binds the options derived from them (such as
 * {@code camel.rest.port = {{perpflow.http.port}}}) or scans the routes folder, so a bad value is reported with
 * our key and environment variable instead of Camel's internal binding error.
 */
public class EarlySettingsCheck extends MainListenerSupport {

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertyReader properties = new PropertyReader(
                key -> main.getCamelContext().getPropertiesComponent().resolveProperty(key));
        PerpflowSettings settings = PerpflowSettings.read(main.configure().getProfile(), properties);
        if (!Files.isDirectory(settings.routesDir())) {
            throw routesDirMissing(settings);
        }
    }

    public static StartupException routesDirMissing(PerpflowSettings settings) {
        return new StartupException("the routes folder " + settings.routesDir() + " does not exist: run from the "
                + "project root or set perpflow.routes-dir (PERPFLOW_ROUTES_DIR)");
    }
}
