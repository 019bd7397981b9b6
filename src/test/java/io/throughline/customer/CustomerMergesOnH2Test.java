package io.throughline.customer;

/** Linking and merging on H2, the embedded default. */
class CustomerMergesOnH2Test extends CustomerMergesTests {

    @Override
    CustomerModule module() throws Exception {
        return CustomerModule.onH2();
    }
}
