/**
 * The model catalogue: descriptors ({@code model.json}), model folders, and installing a
 * catalogue model's files from the Maven artifact that carries them. Nothing here runs a model.
 */
package org.embex.model;
