/** Users, rights, operators and the authentication SPI. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.liasse.api.identity;
