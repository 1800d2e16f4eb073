/**
 * Start-up guard for the runnable jars, compiled for Java 8 so that any old {@code java} can load it
 * and say what is wrong instead of printing an {@code UnsupportedClassVersionError}.
 */
package org.prochat.launch;
