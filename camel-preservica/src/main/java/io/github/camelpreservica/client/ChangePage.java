package io.github.camelpreservica.client;

import java.util.List;

/**
 * One page of a change query.
 *
 * @param start the position of the first item in the whole answer
 * @param totalResults how many items the whole answer has, as Preservica counted them for this page
 * @param last whether Preservica said there is no further page
 */
public record ChangePage<T>(List<T> items, int start, long totalResults, boolean last) {

    public ChangePage {
        items = List.copyOf(items);
    }
}
