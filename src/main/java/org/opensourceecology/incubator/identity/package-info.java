/**
 * Who is logged in and in which role: Spring Security for portal, REST API and Camunda webapps,
 * backed by Camunda's identity service (built-in users or Keycloak).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.opensourceecology.incubator.identity;
