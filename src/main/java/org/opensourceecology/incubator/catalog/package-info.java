/**
 * Enterprise specifications: the open products, their licences, Operations Manuals and assets,
 * and why each one qualifies as a Distributive Enterprise.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.opensourceecology.incubator.catalog;
