/** HTTP view of the knowledge: what retrieval finds for a query. */
package io.throughline.knowledge.web;
