package dev.perpflow.fundingarb;

/** How a close is executed: at market, with limit orders, or as the reason dictates (market for emergencies). */
public enum CloseType { MARKET, LIMIT, DEFAULT }
