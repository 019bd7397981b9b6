/** Everything an agent needs on a human task, and the agent's reply back to the customer. */
package io.throughline.handoff;
