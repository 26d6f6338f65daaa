package org.opensourceecology.incubator.catalog.internal;

import org.opensourceecology.incubator.catalog.LicenseList;
import org.opensourceecology.incubator.catalog.LicensePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    LicenseList licenseList() {
        return LicenseList.bundled();
    }

    @Bean
    LicensePolicy licensePolicy(LicenseList licenseList) {
        return new LicensePolicy(licenseList);
    }
}
