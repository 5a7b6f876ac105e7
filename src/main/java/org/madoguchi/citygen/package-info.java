/**
 * The synthetic city: a deterministic generator of a believable fictional city (東雲野市) for
 * development, demos, tests and benchmarks. Every name is built from name parts written for the
 * project; no real personal data.
 */
package org.madoguchi.citygen;
