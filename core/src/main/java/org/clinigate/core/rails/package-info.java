/**
 * The rails port: a {@link org.clinigate.core.rails.Rail} checks one text (the user's de-identified input or the
 * model's answer) in a {@link org.clinigate.core.rails.RailContext} and returns a
 * {@link org.clinigate.core.rails.Verdict}: pass, flag (with {@link org.clinigate.core.rails.RailFlag}s) or block
 * (with the fixed answer to give instead). Nothing here knows how rules are written or stored.
 */
package org.clinigate.core.rails;
