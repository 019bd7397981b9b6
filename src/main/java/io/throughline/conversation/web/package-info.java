/** The conversation and customer APIs agents and the business's systems call (login required). */
package io.throughline.conversation.web;
