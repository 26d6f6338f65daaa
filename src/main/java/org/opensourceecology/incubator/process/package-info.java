/**
 * Shared process plumbing: typed process variables, so that no module reads a variable by a string
 * literal or casts a raw value. Every process facade is built from these.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process support")
package org.opensourceecology.incubator.process;
