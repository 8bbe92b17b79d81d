/**
 * The model and adapter registry: entries with a model card, a risk assessment and an approval state
 * ({@link org.clinigate.core.registry.ModelRegistry}, a port), the audited approval gates
 * ({@link org.clinigate.core.registry.Governance}) and the gate that lets requests reach approved adapters only
 * ({@link org.clinigate.core.registry.AdapterGate}).
 */
package org.clinigate.core.registry;
