/** Web chat: the visitor's REST and Server-Sent Events endpoints and the sender that pushes replies to open streams. */
package io.throughline.channel.webchat;
