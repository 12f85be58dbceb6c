/** Progress reporting for long work, in plain Java so that the engine stays free of any UI. */
package org.embex.progress;
