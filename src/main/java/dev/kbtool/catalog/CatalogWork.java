package dev.kbtool.catalog;

import java.sql.SQLException;

/** The catalog rows of one mutation, written at its commit point. */
@FunctionalInterface
public interface CatalogWork {
    void apply(CatalogWriter writer) throws SQLException;
}
