/** Everything an agent needs on a human task, and the agent's answer (reply, internal note, outcome) back. */
package io.throughline.handoff;
