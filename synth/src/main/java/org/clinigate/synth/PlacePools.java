package org.clinigate.synth;

import static org.clinigate.synth.NamePools.entries;
import static org.clinigate.synth.NamePools.words;

import java.util.List;

/**
 * Invented pools of places: real-sounding US cities (some also names, like Tyler or Jackson), invented
 * towns, street names, suffixes and states. States are not PHI under Safe Harbor, so they are only
 * ever written as plain text. Immutable.
 */
final class PlacePools {

    static final List<String> CITIES = entries("""
            Springfield | Fresno | Tulsa | Dayton | Akron | Boise | Spokane | Wichita | Omaha | Lubbock
            Amarillo | Modesto | Bakersfield | Stockton | Reno | Provo | Ogden | Pueblo | Topeka | Peoria
            Rockford | Joliet | Flint | Lansing | Kalamazoo | Toledo | Canton | Erie | Scranton | Allentown
            Trenton | Camden | Albany | Syracuse | Utica | Buffalo | Rochester | Hartford | Worcester | Lowell
            Providence | Portland | Bangor | Burlington | Manchester | Nashua | Savannah | Macon | Augusta
            Mobile | Montgomery | Huntsville | Biloxi | Jackson | Shreveport | Lafayette | Baton Rouge
            Little Rock | Fayetteville | Memphis | Knoxville | Chattanooga | Lexington | Louisville | Evansville
            Fort Wayne | Gainesville | Tallahassee | Pensacola | Ocala | Durham | Asheville | Greensboro
            Roanoke | Richmond | Norfolk | Wilmington | Frederick | Duluth | Fargo | Bismarck | Sioux Falls
            Rapid City | Cheyenne | Billings | Missoula | Flagstaff | Yuma | Tucson | Las Cruces | Santa Fe
            El Paso | Laredo | Waco | Abilene | Tyler | Salem | Eugene | Tacoma | Yakima | Maple Falls
            Cedar Hollow | Brookhaven Springs | Port Alder | Willow Creek | East Harmon | Ravenford
            Stillwater Junction | Pinecrest | New Aberdeen | Fairbrook | Millbrook
            """);

    static final List<String> STREETS = entries("""
            Oak | Maple | Pine | Cedar | Elm | Main | Washington | Lincoln | Park | Lake | Hill | Church | Mill
            River | Spring | Highland | Sunset | Franklin | Jefferson | Madison | Chestnut | Walnut | Willow
            Birch | Hickory | Magnolia | Dogwood | Sycamore | Cherry | Poplar | Aspen | Laurel | Meadow
            Prairie | Ridge | Valley | Forest | Orchard | Harbor | Beacon | Bridge | Canal | Center | College
            Commerce | Depot | Elmwood | Fairview | Glenwood | Green | Grove | Heritage | Hillcrest | Kings
            Lakeview | Liberty | Locust | Market | Mulberry | North | Oakwood | Pleasant | Prospect | Railroad
            Riverside | School | Shady | Summit | Union | Vine | Water | Woodland | Cambridge | Devonshire
            Kensington | Arlington | Evergreen | Juniper | Sequoia | Palmetto | Mesquite | Saguaro | Bluebonnet
            Cottonwood | Mockingbird | Cardinal | Bluebird | Sparrow | Hawthorne | Tamarack | Quail | Fox Run
            Deer Path | Old Mill | Stony Brook | Martin Luther King Jr. | Cesar Chavez | Old County
            Turkey Creek | Whispering Pines
            """);

    static final List<String> SUFFIXES = words("""
            Street St. Avenue Ave Road Rd. Drive Lane Ln Boulevard Blvd Court Ct. Way Place Terrace Circle
            Parkway Trail
            """);

    static final List<String> STATES = words("""
            IL CA OK OH ID WA KS NE TX UT CO MI PA NJ NY CT MA RI ME VT NH GA AL MS LA AR TN KY IN FL NC VA DE
            MD MN ND SD WY MT AZ NM OR
            """);

    static final List<String> STATE_NAMES = entries("""
            Illinois | California | Oklahoma | Ohio | Texas | Georgia | Tennessee | Oregon | Arizona
            New Mexico | Minnesota | Virginia
            """);

    static final List<String> COUNTIES = words("""
            Sangamon Marion Franklin Lincoln Jefferson Madison Greene Clay Monroe Polk Warren Hamilton Carroll
            Boone Lake Union Wayne Shelby
            """);

    private PlacePools() {
    }
}
