/**
 * Mail to people: templates, a durable outbox written in the caller's transaction,
 * and delivery with retry so that no mail is lost.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.opensourceecology.incubator.notification;
