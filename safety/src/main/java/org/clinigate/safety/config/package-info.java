/**
 * Reading the module's YAML files (rule sets, the dose table, the interaction table) with errors that name the
 * file, the entry and the field, never a value from the file.
 */
package org.clinigate.safety.config;
