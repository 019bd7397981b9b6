/** HTTP view of the knowledge: its sources and ingestion status, uploads, and what retrieval finds for a query. */
package io.throughline.knowledge.web;
