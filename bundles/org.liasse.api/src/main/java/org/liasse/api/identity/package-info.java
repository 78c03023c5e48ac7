/** Users, rights, operators and the authentication SPI. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.liasse.api.identity;
