package org.integrationhub.sync.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The mapping rules bind from the environment variable the canvas documents. */
class NormaliseSettingsTest {

    @Test
    void aStatusCategoryRuleBindsFromItsEnvironmentVariable() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("HUB_SYNC_NORMALISE_STATUSCATEGORIES_BLOCKED", "indeterminate")));
        NormaliseSettings rules = new Binder(ConfigurationPropertySources.get(environment))
                .bind("hub.sync.normalise", NormaliseSettings.class).orElseGet(NormaliseSettings::none);

        assertThat(rules.statusCategories()).containsEntry("blocked", "indeterminate");
    }
}
