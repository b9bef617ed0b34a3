package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code order_book} of an {@code order_book/{market}} stream message: the whole book on
 * {@code subscribed/order_book}, changed levels on {@code update/order_book} (size 0 removes a level). An update
 * continues the book when its {@code beginNonce} is the nonce the book is at; {@code offset} is no longer contiguous.
 */
public record LighterBookUpdate(List<Level> asks, List<Level> bids, Long offset, Long nonce, Long beginNonce) {

    public record Level(BigDecimal price, BigDecimal size) {
    }
}
