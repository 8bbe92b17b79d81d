package org.clinigate.synth;

import java.util.Arrays;
import java.util.List;

/**
 * Invented pools of given names and surnames, drawn from many naming traditions. Some are also
 * common English words (Will, Hope, Grant, Young, White) and some carry hyphens or apostrophes, since
 * those are what de-identifiers miss. Surnames that are medical eponyms (Parkinson, Wilson, Graves)
 * are left out on purpose, except Bell, so that eponym traps stay unambiguous. Immutable.
 */
final class NamePools {

    static final List<String> FEMALE = words("""
            Mary Jane Susan Maria Linda Patricia Jennifer Elizabeth Barbara Margaret Dorothy Karen Nancy Betty
            Helen Sandra Donna Carol Ruth Sharon Michelle Laura Sarah Kimberly Deborah Jessica Emily Ashley
            Amanda Melissa Rebecca Olivia Emma Sophia Chloe Abigail Hannah Grace Faith Hope May Joy Rose June
            Iris Ivy Dawn Summer Autumn Holly Lucia Carmen Guadalupe Rosa Ana Sofia Valentina Ximena Marisol
            Yesenia Alejandra Beatriz Pilar Consuelo Esperanza LaToya Keisha Shanice Tamika Ebony Aaliyah Imani
            Latasha Jasmine Destiny Monique Priya Ananya Lakshmi Deepa Sunita Kavya Nisha Meera Aisha Fatima
            Layla Noor Yasmin Zainab Mariam Huda Mei Xiu Yuki Sakura Hana Min-ji Ji-woo Thuy Linh Olga Natasha
            Svetlana Irina Katarzyna Agnieszka Zofia Ingrid Astrid Sigrid Freya Solveig Erzsébet Zsófia Katalin
            Réka Chiamaka Ngozi Adaeze Funmilayo Yetunde Amara Siobhan Aoife Niamh Maeve Zoë Renée Anne-Marie
            Mary-Kate Dolores Gladys Mildred Bernadette
            """);

    static final List<String> MALE = words("""
            John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
            Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason
            Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel
            Gregory Frank Raymond Patrick Jack Dennis Jerry Tyler Will Grant Chase Hunter Mason Bill Art Guy
            José Juan Luis Carlos Jorge Miguel Alejandro Diego Javier Rafael Santiago Mateo Joaquín Ignacio
            DeShawn Jamal Darnell Tyrone Malik Terrell Andre Marquis DeAndre Rashad Raj Arjun Vikram Sanjay
            Rahul Amit Sandeep Anil Harpreet Mohammed Ahmed Omar Khalid Youssef Hassan Tariq Karim Wei Jian
            Hiroshi Kenji Takeshi Haruto Min-jun Seo-jun Minh Quang Dmitri Sergei Ivan Vladimir Pavel Tomasz
            Piotr Łukasz Bogdan Lars Erik Björn Anders Olav Sven László Zoltán István Gábor Chinedu Emeka Obinna
            Oluwaseun Babatunde Tunde Chukwuemeka Kwame Kofi Seamus Liam Declan Ciarán Jean-Luc Jean-Pierre
            Pierre François
            """);

    static final List<String> SURNAMES = words("""
            Smith Johnson Williams Brown Jones Miller Davis Garcia Rodriguez Martinez Hernandez Lopez Gonzalez
            Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Reyes Morales Cruz Ortiz Gutierrez Chavez
            Ramos Ruiz Alvarez Castillo Jimenez Vasquez Romero Herrera Medina Aguilar Vargas Guzman Mendoza
            Taylor Anderson Thomas Jackson White Harris Martin Thompson Moore Young Allen King Wright Scott
            Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins
            Edwards Stewart Morris Rogers Reed Cook Bell Bailey Cooper Richardson Cox Howard Ward Peterson Gray
            James Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry
            Powell Long Patterson Hughes Washington Butler Simmons Foster Bryant Alexander Russell Griffin Hayes
            Myers Ford Hamilton Freeman Wells Jefferson Banks Robinson Booker Mosley Dawson Holloway Grant Hope
            Patel Shah Singh Kumar Sharma Gupta Reddy Iyer Nair Desai Mehta Chopra Rao Banerjee Chatterjee Khan
            Ahmed Hussain Rahman Chaudhry Malik Siddiqui Haddad Nasser Khalil Mansour Saleh Farouk Abdullah
            Al-Sayed El-Amin Chen Wang Li Zhang Liu Huang Zhao Wu Zhou Xu Lin Kim Lee Park Choi Jung Kang Nguyen
            Tran Le Pham Hoang Vu Tanaka Suzuki Sato Takahashi Watanabe Yamamoto Nakamura Kowalski Nowak
            Wiśniewski Zieliński Kozlov Ivanov Petrov Smirnov Volkov Popescu Horvath Novák Dvořák Kovács Szabó
            Tóth Nagy Varga Farkas Molnár Hansen Johansen Larsen Andersen Nielsen Lindqvist Eriksson Karlsson
            Berg Haugen Okafor Okonkwo Adeyemi Obi Eze Nwosu Adebayo Olawale Balogun Chukwu Mensah Owusu Boateng
            Mwangi Otieno O'Brien O'Connor O'Neill O'Malley D'Angelo D'Souza McCarthy MacDonald Smith-Jones
            Garcia-Marquez Taylor-Brooks Okafor-Bello Nguyen-Tran Rice Rose Cross Fox Hunt Lamb Stone Frost
            Winter Sharp Little Strong Walker Hall Mason
            """);

    private NamePools() {
    }

    /** Splits a text block on whitespace. */
    static List<String> words(String block) {
        return List.copyOf(Arrays.asList(block.strip().split("\\s+")));
    }

    /** Splits a text block on {@code |} and line breaks, for entries that contain spaces. */
    static List<String> entries(String block) {
        return Arrays.stream(block.strip().split("\\s*[|\\n]\\s*")).filter(s -> !s.isEmpty()).toList();
    }
}
