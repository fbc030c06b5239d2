// Constraints and indexes of the graph described in schema.graphql. Runs before any data; every statement is
// idempotent (IF NOT EXISTS). Community Edition has uniqueness constraints only: required properties and
// their types are checked by the loaders and the tests.

// Every stable id is unique, across all facts (the Fact label) and within each label (fast MERGE and lookups).
CREATE CONSTRAINT fact_id IF NOT EXISTS FOR (n:Fact) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT occupancy_id IF NOT EXISTS FOR (n:Occupancy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_exchange_id IF NOT EXISTS FOR (n:DocumentExchange) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT exchange_side_id IF NOT EXISTS FOR (n:ExchangeSide) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unnamed_official_id IF NOT EXISTS FOR (n:UnnamedOfficial) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_iso_code IF NOT EXISTS FOR (n:Country) REQUIRE n.isoCode IS UNIQUE;

// Ingest bookkeeping (not facts): one record per ingested article, one per merge entity resolution made.
CREATE CONSTRAINT ingestion_id IF NOT EXISTS FOR (n:Ingestion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ingestion_source_id IF NOT EXISTS FOR (n:Ingestion) REQUIRE n.sourceId IS UNIQUE;
CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (n:Merge) REQUIRE n.id IS UNIQUE;
CREATE INDEX merge_status IF NOT EXISTS FOR (n:Merge) ON (n.status);
// The data version: the shape of the graph the project wrote (src/db/data-version.ts), one node.
CREATE CONSTRAINT data_version_id IF NOT EXISTS FOR (n:DataVersion) REQUIRE n.id IS UNIQUE;

// Exact lookups by name, title and date (GraphQL filters, entity resolution).
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX body_name IF NOT EXISTS FOR (n:Body) ON (n.name);
CREATE INDEX position_title IF NOT EXISTS FOR (n:Position) ON (n.title);
CREATE INDEX agreement_title IF NOT EXISTS FOR (n:Agreement) ON (n.title);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX occupancy_observed_on IF NOT EXISTS FOR (n:Occupancy) ON (n.observedOn);

// Ranked search over names, aliases and titles, insensitive to case and accents (standard-folding).
CREATE FULLTEXT INDEX fact_names IF NOT EXISTS
FOR (n:Person|Country|Body|Position|Agreement|Event|Place)
ON EACH [n.name, n.title, n.aliases, n.weakAliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
